#!/bin/sh
# Today's reflection prompt as a desktop notification, e.g. from cron at noon:
#   0 12 * * * DISPLAY=:0 DBUS_SESSION_BUS_ADDRESS=unix:path=/run/user/1000/bus sh ~/notify-prompt.sh
# The prompt is the same all day and different tomorrow.
notify-send "A thought for today" "$(compassion reflect prompt)"
