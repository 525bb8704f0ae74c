# fish completion for compassion
# Installed in share/fish/vendor_completions.d.

function __compassion_items
    set -l home
    set -l tokens (commandline -opc)
    set -l i (contains -i -- --home $tokens)
    and set home --home $tokens[(math $i + 1)]
    compassion $home log --list-items 2>/dev/null | string replace -a ' ' -
end

set -l commands log review
set -l days today yesterday monday tuesday wednesday thursday friday saturday sunday

complete -c compassion -f
complete -c compassion -n "not __fish_seen_subcommand_from $commands" -l home -r -a '(__fish_complete_directories)' -d 'Use DIR as the home'
complete -c compassion -n "not __fish_seen_subcommand_from $commands" -l color -x -a 'auto always never' -d 'When to colour'
complete -c compassion -n "not __fish_seen_subcommand_from $commands" -s q -l quiet -d 'Say only what was asked for'
complete -c compassion -n "not __fish_seen_subcommand_from $commands" -l version -d 'Print the version'
complete -c compassion -s h -l help -d 'Print help'

complete -c compassion -n "not __fish_seen_subcommand_from $commands" -a log -d 'The end-of-day check-in'
complete -c compassion -n "__fish_seen_subcommand_from log" -l date -x -a "$days" -d 'The day'
complete -c compassion -n "__fish_seen_subcommand_from log" -l did -x -a '(__compassion_items)' -d 'Items you did'
complete -c compassion -n "__fish_seen_subcommand_from log" -l unsure -l forgot -x -a '(__compassion_items)' -d "Items you don't remember"
complete -c compassion -n "__fish_seen_subcommand_from log" -s s -l showed-up -x -a '1 2 3 4 5' -d 'How well you showed up'
complete -c compassion -n "__fish_seen_subcommand_from log" -s m -l message -x -d 'A note for the day'
complete -c compassion -n "__fish_seen_subcommand_from log" -l check -d 'Exit 0 if the day has a check-in'
complete -c compassion -n "__fish_seen_subcommand_from log" -l if-missing -d 'Do nothing when the day has a check-in'
complete -c compassion -n "__fish_seen_subcommand_from log" -l list-items -d 'Print your items'

complete -c compassion -n "not __fish_seen_subcommand_from $commands" -a review -d 'See what helps'
complete -c compassion -n "__fish_seen_subcommand_from review" -l week -d 'The 7 days ending today'
complete -c compassion -n "__fish_seen_subcommand_from review" -l month -d 'The 30 days ending today'
complete -c compassion -n "__fish_seen_subcommand_from review" -l year -d 'The 365 days ending today'
complete -c compassion -n "__fish_seen_subcommand_from review" -l all -d 'Everything in the journal'
complete -c compassion -n "__fish_seen_subcommand_from review" -l from -x -a "$days" -d 'First day'
complete -c compassion -n "__fish_seen_subcommand_from review" -l to -x -a "$days" -d 'Last day'
complete -c compassion -n "__fish_seen_subcommand_from review" -l format -x -a 'text tsv csv json' -d 'Output format'
complete -c compassion -n "__fish_seen_subcommand_from review" -l redact -d 'Leave out free text'
