#!/bin/sh
# Your month's days from the best showing-up to the hardest, with the items
# you did. The column is found by its header name, so it works whatever your
# show-up items are.
compassion review --month --format tsv --redact |
    awk -F '\t' '
        NR == 1 { for (i = 1; i <= NF; i++) { header[i] = $i; if ($i == "showed_up") col = i }; next }
        $col != "" {
            did = ""
            for (i = 2; i < col; i++) if ($i == "1") did = did (did ? ", " : "") header[i]
            print $col "\t" $1 "\t" did
        }
    ' |
    sort -t "$(printf '\t')" -k1,1nr -k2,2
