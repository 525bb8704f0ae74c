# fish completion for compassion
# Installed in share/fish/vendor_completions.d.

# A comma-separated list: the items not listed yet, each after the names
# already typed ("sleep,<Tab>" offers "sleep,swimming").
function __compassion_items
    set -l home
    set -l tokens (commandline -opc)
    set -l i (contains -i -- --home $tokens)
    and set home --home $tokens[(math $i + 1)]
    set -l head (string replace -r '[^,]*$' '' -- (commandline -ct))
    set -l listed (string split , -- "$head")
    for item in (compassion $home log --list-items 2>/dev/null | string replace -a ' ' -)
        contains -- $item $listed; or echo "$head$item"
    end
end

# `reflect showup` saves the items as they are: no hyphens for spaces there
# (fish escapes a space in a completion itself).
function __compassion_showup_items
    set -l home
    set -l tokens (commandline -opc)
    set -l i (contains -i -- --home $tokens)
    and set home --home $tokens[(math $i + 1)]
    compassion $home log --list-items 2>/dev/null
end

# The repairs still open, by handle, with what happened as the description.
function __compassion_open_repairs
    set -l home
    set -l tokens (commandline -opc)
    set -l i (contains -i -- --home $tokens)
    and set home --home $tokens[(math $i + 1)]
    compassion $home reflect reframe --open 2>/dev/null | string replace -r '^(\S+)  \S+  \S+  \S.*?  +(\S.*)$' '$1\t$2'
end

set -l commands log practice reflect review show find edit forget undo export import sync doctor help
# The handles of the last year's records (2026-11-20.moment.2).
function __compassion_handles
    set -l home
    set -l tokens (commandline -opc)
    set -l i (contains -i -- --home $tokens)
    and set home --home $tokens[(math $i + 1)]
    compassion $home show --year --format handles 2>/dev/null
end

set -l days today yesterday monday tuesday wednesday thursday friday saturday sunday

complete -c compassion -f
complete -c compassion -n "not __fish_seen_subcommand_from $commands" -l home -r -a '(__fish_complete_directories)' -d 'Use DIR as the home'
complete -c compassion -n "not __fish_seen_subcommand_from $commands" -l color -x -a 'auto always never' -d 'When to colour'
complete -c compassion -n "not __fish_seen_subcommand_from $commands" -s q -l quiet -d 'Say only what was asked for'
complete -c compassion -n "not __fish_seen_subcommand_from $commands" -l no-pager -d 'Never use a pager'
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

complete -c compassion -n "not __fish_seen_subcommand_from $commands" -a help -d 'The manual of a command'
complete -c compassion -n "__fish_seen_subcommand_from help; and not __fish_seen_subcommand_from log practice reflect review show find edit forget undo export import sync doctor" -a 'log practice reflect review show find edit forget undo export import sync doctor help' -d 'Command'

complete -c compassion -n "not __fish_seen_subcommand_from $commands" -a review -d 'See what helps'
complete -c compassion -n "__fish_seen_subcommand_from review" -l week -d 'The 7 days ending today'
complete -c compassion -n "__fish_seen_subcommand_from review" -l month -d 'The 30 days ending today'
complete -c compassion -n "__fish_seen_subcommand_from review" -l year -d 'The 365 days ending today'
complete -c compassion -n "__fish_seen_subcommand_from review" -l all -d 'Everything in the journal'
complete -c compassion -n "__fish_seen_subcommand_from review" -l from -x -a "$days" -d 'First day'
complete -c compassion -n "__fish_seen_subcommand_from review" -l to -x -a "$days" -d 'Last day'
complete -c compassion -n "__fish_seen_subcommand_from review" -l format -x -a 'text tsv csv json' -d 'Output format'
complete -c compassion -n "__fish_seen_subcommand_from review" -l redact -d 'Leave out free text'
complete -c compassion -n "__fish_seen_subcommand_from review" -l details -d 'Show the numbers behind the words'

set -l practices kindness recall quality
complete -c compassion -n "not __fish_seen_subcommand_from $commands" -a practice -d 'Short guided practices'
complete -c compassion -n "__fish_seen_subcommand_from practice; and not __fish_seen_subcommand_from $practices" -a kindness -d 'Loving-kindness phrases'
complete -c compassion -n "__fish_seen_subcommand_from practice; and not __fish_seen_subcommand_from $practices" -a recall -d 'Re-read a saved moment'
complete -c compassion -n "__fish_seen_subcommand_from practice; and not __fish_seen_subcommand_from $practices" -a quality -d 'An exercise for your focus quality'
complete -c compassion -n "__fish_seen_subcommand_from kindness" -s t -l minutes -x -d 'How long, in minutes'
complete -c compassion -n "__fish_seen_subcommand_from kindness" -s n -l count -x -d 'How many rounds'
complete -c compassion -n "__fish_seen_subcommand_from kindness" -l bell -d 'Ring the bell at the end'
complete -c compassion -n "__fish_seen_subcommand_from $practices" -l no-log -d 'Keep no record'
complete -c compassion -n "__fish_seen_subcommand_from quality" -a 'resilience positive-emotion generosity attention' -d 'Quality'

set -l reflections qualities showup recall reframe prompt
set -l qualities resilience positive-emotion generosity attention
complete -c compassion -n "not __fish_seen_subcommand_from $commands" -a reflect -d 'Guided reflections'
complete -c compassion -n "__fish_seen_subcommand_from reflect; and not __fish_seen_subcommand_from $reflections" -a qualities -d 'Rate the four qualities'
complete -c compassion -n "__fish_seen_subcommand_from reflect; and not __fish_seen_subcommand_from $reflections" -a showup -d 'Name your show-up items'
complete -c compassion -n "__fish_seen_subcommand_from reflect; and not __fish_seen_subcommand_from $reflections" -a recall -d 'Save a moment of care'
complete -c compassion -n "__fish_seen_subcommand_from reflect; and not __fish_seen_subcommand_from $reflections" -a reframe -d 'From shame to guilt to repair'
complete -c compassion -n "__fish_seen_subcommand_from reflect; and not __fish_seen_subcommand_from $reflections" -a prompt -d "Today's prompt"
for q in $qualities
    complete -c compassion -n "__fish_seen_subcommand_from qualities" -l $q -x -a '1 2 3 4 5' -d "Rate $q"
end
complete -c compassion -n "__fish_seen_subcommand_from qualities" -l focus -x -a "$qualities none" -d 'The quality to practise'
complete -c compassion -n "__fish_seen_subcommand_from showup" -a '(__compassion_showup_items)' -d 'Item'
complete -c compassion -n "__fish_seen_subcommand_from recall; and __fish_seen_subcommand_from reflect" -s m -l message -x -d 'The moment'
complete -c compassion -n "__fish_seen_subcommand_from recall reframe; and __fish_seen_subcommand_from reflect" -s e -l edit -d 'Write it in your editor'
for part in what impact need repair differently kind-words
    complete -c compassion -n "__fish_seen_subcommand_from reframe" -l $part -x -d "The $part part"
end
complete -c compassion -n "__fish_seen_subcommand_from reframe" -l follow-up -x -a "tomorrow $days" -d 'When to come back to it'
complete -c compassion -n "__fish_seen_subcommand_from reframe" -l step -x -d 'Add a step to a repair'
# --close and --done take an optional REFLECTION; it may also come as the positional.
complete -c compassion -n "__fish_seen_subcommand_from reframe" -l close -f -a '(__compassion_open_repairs)' -d 'Close a repair'
complete -c compassion -n "__fish_seen_subcommand_from reframe" -l done -f -a '(__compassion_open_repairs)' -d 'Close a repair (older name)'
complete -c compassion -n "__fish_seen_subcommand_from reframe" -f -a '(__compassion_open_repairs)'
complete -c compassion -n "__fish_seen_subcommand_from reframe" -s m -l note -x -d 'A note on how it went'
complete -c compassion -n "__fish_seen_subcommand_from reframe" -l open -d 'List open repairs'
complete -c compassion -n "__fish_seen_subcommand_from prompt" -l date -x -a "$days" -d 'Another day'

complete -c compassion -n "not __fish_seen_subcommand_from $commands" -a export -d 'Every record out'
complete -c compassion -n "__fish_seen_subcommand_from export" -l format -x -a 'jsonl json toml markdown' -d 'Output format'
complete -c compassion -n "__fish_seen_subcommand_from export" -l kind -x -a 'checkin qualities moment reframe repair_step repair_done practice noticed note showup forget' -d 'Only records of this kind'
complete -c compassion -n "__fish_seen_subcommand_from export" -l redact -d 'Leave out free text'

complete -c compassion -n "not __fish_seen_subcommand_from $commands" -a import -d 'Bring your history in'
complete -c compassion -n "__fish_seen_subcommand_from import" -F -d 'File to import'
complete -c compassion -n "__fish_seen_subcommand_from import" -l format -x -a 'compassion jrnl daylio harsh loop' -d 'The files\' format'
complete -c compassion -n "__fish_seen_subcommand_from import" -l dry-run -d 'Say what would be imported, write nothing'
complete -c compassion -n "__fish_seen_subcommand_from import" -l skip-bad -d 'Import what reads, list the rest'
complete -c compassion -n "__fish_seen_subcommand_from import" -l item -x -d 'SOURCE=ITEM: count a source habit as an item'
complete -c compassion -n "__fish_seen_subcommand_from import" -l only-listed -d 'Leave out what is not on your list'
complete -c compassion -n "__fish_seen_subcommand_from import" -l map -x -d 'MOOD=N: a Daylio mood as a rating'
complete -c compassion -n "__fish_seen_subcommand_from export" -l week -d 'The 7 days ending today'
complete -c compassion -n "__fish_seen_subcommand_from export" -l month -d 'The 30 days ending today (--month=YYYY-MM: that month)'
complete -c compassion -n "__fish_seen_subcommand_from export" -l year -d 'The 365 days ending today'
complete -c compassion -n "__fish_seen_subcommand_from export" -l all -d 'Everything (the default)'
complete -c compassion -n "__fish_seen_subcommand_from export" -l this-week -d 'This calendar week'
complete -c compassion -n "__fish_seen_subcommand_from export" -l last-week -d 'Last calendar week'
complete -c compassion -n "__fish_seen_subcommand_from export" -l this-month -d 'This calendar month'
complete -c compassion -n "__fish_seen_subcommand_from export" -l last-month -d 'Last calendar month'
complete -c compassion -n "__fish_seen_subcommand_from export" -l from -x -a "$days" -d 'First day'
complete -c compassion -n "__fish_seen_subcommand_from export" -l to -x -a "$days" -d 'Last day'
complete -c compassion -n "__fish_seen_subcommand_from import" -l week -d 'The 7 days ending today'
complete -c compassion -n "__fish_seen_subcommand_from import" -l month -d 'The 30 days ending today (--month=YYYY-MM: that month)'
complete -c compassion -n "__fish_seen_subcommand_from import" -l year -d 'The 365 days ending today'
complete -c compassion -n "__fish_seen_subcommand_from import" -l all -d 'Everything (the default)'
complete -c compassion -n "__fish_seen_subcommand_from import" -l this-week -d 'This calendar week'
complete -c compassion -n "__fish_seen_subcommand_from import" -l last-week -d 'Last calendar week'
complete -c compassion -n "__fish_seen_subcommand_from import" -l this-month -d 'This calendar month'
complete -c compassion -n "__fish_seen_subcommand_from import" -l last-month -d 'Last calendar month'
complete -c compassion -n "__fish_seen_subcommand_from import" -l from -x -a "$days" -d 'First day'
complete -c compassion -n "__fish_seen_subcommand_from import" -l to -x -a "$days" -d 'Last day'
set -l kinds checkin qualities moment reframe repair_step repair_done practice noticed showup
complete -c compassion -n "not __fish_seen_subcommand_from $commands" -a show -d 'Read back a day, a range or one record'
complete -c compassion -n "not __fish_seen_subcommand_from $commands" -a find -d 'Search everything you wrote'
complete -c compassion -n "not __fish_seen_subcommand_from $commands" -a edit -d 'Correct a record'
complete -c compassion -n "not __fish_seen_subcommand_from $commands" -a forget -d 'Take a record back for good'
complete -c compassion -n "not __fish_seen_subcommand_from $commands" -a undo -d 'Take back the last record written today'
complete -c compassion -n "__fish_seen_subcommand_from show edit forget" -a '(__compassion_handles)' -d 'Record'
complete -c compassion -n "__fish_seen_subcommand_from show" -a "$days" -d 'Day'
complete -c compassion -n "__fish_seen_subcommand_from show find" -l kind -x -a "$kinds" -d 'Only this kind'
complete -c compassion -n "__fish_seen_subcommand_from show" -l format -x -a 'text json toml handles' -d 'Output format'
complete -c compassion -n "__fish_seen_subcommand_from find" -s s -l case-sensitive -d 'Match case exactly'
complete -c compassion -n "__fish_seen_subcommand_from show find" -l week -d 'The 7 days ending today'
complete -c compassion -n "__fish_seen_subcommand_from show find" -l month -d 'The 30 days ending today'
complete -c compassion -n "__fish_seen_subcommand_from show find" -l year -d 'The 365 days ending today'
complete -c compassion -n "__fish_seen_subcommand_from show find" -l all -d 'Everything in the journal'
complete -c compassion -n "__fish_seen_subcommand_from show find" -l this-week -d 'This calendar week'
complete -c compassion -n "__fish_seen_subcommand_from show find" -l last-week -d 'Last calendar week'
complete -c compassion -n "__fish_seen_subcommand_from show find" -l this-month -d 'This calendar month'
complete -c compassion -n "__fish_seen_subcommand_from show find" -l last-month -d 'Last calendar month'
complete -c compassion -n "__fish_seen_subcommand_from show find" -l from -x -a "$days" -d 'First day'
complete -c compassion -n "__fish_seen_subcommand_from show find" -l to -x -a "$days" -d 'Last day'
complete -c compassion -n "__fish_seen_subcommand_from edit" -s m -l message -x -d 'The new text'
complete -c compassion -n "__fish_seen_subcommand_from forget undo" -s y -l yes -d 'Do not ask'
complete -c compassion -n "not __fish_seen_subcommand_from $commands" -a sync -d 'Keep this journal in step over git'
complete -c compassion -n "__fish_seen_subcommand_from sync" -l init -r -F -d 'Keep this home in git with REMOTE'
complete -c compassion -n "__fish_seen_subcommand_from sync" -l status -d 'Where this home stands'
complete -c compassion -n "not __fish_seen_subcommand_from $commands" -a doctor -d 'Check this home'
complete -c compassion -n "__fish_seen_subcommand_from doctor" -l fix -d 'Mend what is safe to mend'
