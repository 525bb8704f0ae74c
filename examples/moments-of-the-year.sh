#!/bin/sh
# Every moment of care you saved in the last year, oldest first, one a line:
# the handle (to show or edit it) and the moment, via jq.
compassion show --year --kind moment --format json |
    jq -r '.[] | "\(.handle)  \(.text)"'
