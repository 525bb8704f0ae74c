#!/bin/sh
# The days you rated 1 or 2 this month, with what you did for yourself, via jq.
# A gentle way to notice what hard days have in common.
compassion review --month --format json --redact |
    jq -r '.days[] | select(.showed_up != null and .showed_up <= 2)
           | "\(.date)  rated \(.showed_up)  did: \([.items | to_entries[] | select(.value == true) | .key] | join(", "))"'
