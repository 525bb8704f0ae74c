#!/bin/sh
# A picture of the year: your showing-up rating by day, as a PNG (or, with
# TERM_PLOT=dumb, as text in the terminal). Needs gnuplot (gnuplot-nox).
out=${1:-showing-up.png}
data=$(mktemp) || exit 1
trap 'rm -f "$data"' EXIT
compassion review --year --format tsv --redact |
    awk -F '\t' 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == "showed_up") c = i; next }
                 $c != "" { print $1 "\t" $c }' >"$data"
if [ ! -s "$data" ]; then
    echo "No rated days in the last year yet." >&2
    exit 0
fi
if [ "${TERM_PLOT:-png}" = dumb ]; then
    setup="set terminal dumb 80 20"
else
    setup="set terminal pngcairo size 900,300; set output '$out'"
fi
gnuplot -e "$setup; set xdata time; set timefmt '%Y-%m-%d'; set format x '%d %b';
            set yrange [0.5:5.5]; set ytics 1; set key off; set title 'Showing up';
            plot '$data' using 1:2 with linespoints"
