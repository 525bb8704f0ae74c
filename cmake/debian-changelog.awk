# The released sections of CHANGELOG.md as a Debian changelog (the package is
# native: its version has no Debian revision).
#   awk -v package=compassion -v version=0.1.0 -v maintainer='Name <addr>' \
#       -f debian-changelog.awk CHANGELOG.md
# "## Unreleased" is left out; the newest released section must be `version`,
# so the package's changelog always describes the package.

# Day of the week of a date (Zeller's congruence), as Debian writes it.
function weekday(y, m, d,    k, j) {
    if (m < 3) { m += 12; y-- }
    k = y % 100; j = int(y / 100)
    return substr("SatSunMonTueWedThuFri", 1 + 3 * ((d + int(13 * (m + 1) / 5) + k + int(k / 4) + int(j / 4) + 5 * j) % 7), 3)
}

# One change, wrapped to 78 columns with its continuation lines indented.
function flush(    n, words, i, line) {
    if (text == "") return
    n = split(text, words, " ")
    line = lead words[1]
    for (i = 2; i <= n; i++) {
        if (length(line) + 1 + length(words[i]) > 78) { print line; line = "    " words[i] }
        else line = line " " words[i]
    }
    print line
    if (lead == "  ") print ""
    text = ""
}

function close_entry() {
    flush()
    if (open) print "\n -- " maintainer "  " trailer_date
    open = 0
}

BEGIN { months = "JanFebMarAprMayJunJulAugSepOctNovDec" }

/^## / {
    close_entry()
    if ($2 == "Unreleased") { released = 0; next }
    if (NF != 4 || $3 != "-" || $4 !~ /^[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]$/) {
        print "CHANGELOG.md:" NR ": a release heading reads \"## VERSION - YYYY-MM-DD\"" > "/dev/stderr"
        failed = 1; exit 1
    }
    if (!seen++ && $2 != version) {
        print "CHANGELOG.md:" NR ": the newest release is " $2 ", but the project is " version > "/dev/stderr"
        failed = 1; exit 1
    }
    split($4, ymd, "-")
    trailer_date = sprintf("%s, %02d %s %d 00:00:00 +0000", weekday(ymd[1] + 0, ymd[2] + 0, ymd[3] + 0),
                           ymd[3], substr(months, 3 * ymd[2] - 2, 3), ymd[1])
    printf "%s%s (%s) unstable; urgency=medium\n\n", (seen > 1 ? "\n" : ""), package, $2
    released = open = 1
    next
}

!released { next }

{ gsub(/`/, "") }

/^- / { flush(); lead = "  * "; text = substr($0, 3); next }
/^[ \t]*$/ { flush(); next }
/^  / && text != "" { sub(/^ +/, ""); text = text " " $0; next }
{ if (text == "") lead = "  "; sub(/^ +/, ""); text = (text == "" ? "" : text " ") $0 }

END {
    if (failed) exit 1
    close_entry()
    if (!seen) {
        print "CHANGELOG.md: there is no released version yet" > "/dev/stderr"
        exit 1
    }
}
