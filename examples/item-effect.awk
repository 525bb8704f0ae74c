#!/usr/bin/awk -f
# For each show-up item: the mean rating on days you did it and on days you
# did not, from `compassion review --format tsv`. Days you don't remember
# (an empty cell) count on neither side.
#   compassion review --year --format tsv | ./item-effect.awk
# Fields are split at tabs only: item names such as "time outside" hold spaces.
BEGIN { FS = "\t" }
NR == 1 {
    for (i = 1; i <= NF; i++) {
        name[i] = $i
        if ($i == "showed_up") col = i
    }
    next
}
$col != "" {
    for (i = 2; i < col; i++) {
        if ($i == "1") { done[i] += $col; ndone[i]++ }
        else if ($i == "0") { skip[i] += $col; nskip[i]++ }
    }
}
END {
    for (i = 2; i < col; i++) {
        d = ndone[i] ? sprintf("%.1f", done[i] / ndone[i]) : "-"
        s = nskip[i] ? sprintf("%.1f", skip[i] / nskip[i]) : "-"
        printf "%s\t%s (%d days)\t%s (%d days)\n", name[i], d, ndone[i], s, nskip[i]
    }
}
