#!/bin/sh
# Bring a Daylio diary in, then see the month it covers.
# In Daylio: More > Export Entries > CSV. Its moods become the showing-up
# rating (rad 5 ... awful 1); "super" is a mood added in Daylio, and
# "walk outside" an activity that is the show-up item "time outside" here.
# Look first (--dry-run writes nothing), then import; importing the same file
# again adds nothing.
# Usage: sh import-daylio.sh [daylio_export.csv]
set -e
file=${1:-"$(dirname "$0")/daylio_export.csv"}
compassion import --dry-run --map super=5 --item "walk outside=time outside" "$file"
compassion import -q --map super=5 --item "walk outside=time outside" "$file"
compassion review --month=2026-11
