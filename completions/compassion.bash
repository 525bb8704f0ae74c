# bash completion for compassion                             -*- shell-script -*-
# Installed as share/bash-completion/completions/compassion; or source it.

_compassion_commands="log reflect practice review show find edit forget undo export import sync doctor help"

_compassion_items() {
    # Ask the binary for the user's own show-up items (with --home if given),
    # written with hyphens for spaces so each is one word.
    local home=("$@")
    compassion "${home[@]}" log --list-items 2>/dev/null | sed 's/ /-/g'
}

_compassion_list_items() {
    # The last name of a comma-separated list: the items not listed yet, each
    # after the names already typed ("sleep,<Tab>" offers "sleep,swimming").
    # $1 is the word being completed, the rest the --home to pass on.
    local cur=$1 head="" last=$1 item
    shift
    if [[ $cur == *,* ]]; then head=${cur%,*},; last=${cur##*,}; fi
    local -a items
    mapfile -t items < <(_compassion_items "$@")
    COMPREPLY=()
    for item in "${items[@]}"; do
        [[ ,$head == *",$item,"* || $item != "$last"* ]] && continue
        COMPREPLY+=("$head$item")
    done
    compopt -o nospace 2>/dev/null
}

_compassion_showup_items() {
    # `reflect showup` saves the items it is given as they are, so offer them
    # unchanged, each quoted for the command line (printf %q: time\ outside).
    # $1 is the word being completed, the rest the --home to pass on.
    local cur=$1 bare=${1#[\"\']} item quoted
    shift
    local -a items
    mapfile -t items < <(compassion "$@" log --list-items 2>/dev/null)
    COMPREPLY=()
    for item in "${items[@]}"; do
        printf -v quoted '%q' "$item"
        if [[ $quoted == "$cur"* || ($cur == [\"\']* && $item == "$bare"*) ]]; then
            COMPREPLY+=("$quoted")
        fi
    done
}

_compassion_handles() {
    # The handles of the last year's records (2026-11-20.moment.2), from the
    # binary; $1 is the word being completed, the rest the --home to pass on.
    local cur=$1
    shift
    COMPREPLY=($(compgen -W "$(compassion "$@" show --year --format handles 2>/dev/null)" -- "$cur"))
}

_compassion_kinds="checkin qualities moment reframe repair_step repair_done practice noticed showup"

_compassion_value() {
    # The value of option $1, being typed as $2; the rest is the --home to
    # pass on. Fails when $1 takes no value, so the caller completes options.
    local prev=$1 cur=$2
    shift 2
    case $prev in
        --home) COMPREPLY=($(compgen -d -- "$cur")) ;;
        --init) COMPREPLY=($(compgen -d -- "$cur")) ;;
        --color) COMPREPLY=($(compgen -W "auto always never" -- "$cur")) ;;
        --date|--from|--to)
            COMPREPLY=($(compgen -W "today yesterday monday tuesday wednesday thursday friday saturday sunday" -- "$cur")) ;;
        --format)
            case $_compassion_cmd in
                show) COMPREPLY=($(compgen -W "text json toml handles" -- "$cur")) ;;
                export) COMPREPLY=($(compgen -W "jsonl json toml markdown" -- "$cur")) ;;
                import) COMPREPLY=($(compgen -W "compassion jrnl daylio harsh loop" -- "$cur")) ;;
                *) COMPREPLY=($(compgen -W "text tsv csv json" -- "$cur")) ;;
            esac ;;
        --kind)
            if [[ $_compassion_cmd == @(export|show|find) ]]; then
                COMPREPLY=($(compgen -W "checkin qualities moment reframe repair_step repair_done practice noticed note showup forget" -- "$cur"))
            else
                COMPREPLY=()
            fi ;;
        --item|--map) COMPREPLY=() ;;
        --focus) COMPREPLY=($(compgen -W "resilience positive-emotion generosity attention none" -- "$cur")) ;;
        --resilience|--positive-emotion|--generosity|--attention|-s|--showed-up)
            COMPREPLY=($(compgen -W "1 2 3 4 5" -- "$cur")) ;;
        --follow-up) COMPREPLY=($(compgen -W "tomorrow monday tuesday wednesday thursday friday saturday sunday" -- "$cur")) ;;
        --kind)
            case $_compassion_cmd in
                show|find) COMPREPLY=($(compgen -W "$_compassion_kinds" -- "$cur")) ;;
                *) COMPREPLY=() ;;
            esac ;;
        --what|--impact|--need|--repair|--differently|--kind-words|--step|--note|-m|--message) COMPREPLY=() ;;
        --did|--unsure|--forgot) _compassion_list_items "$cur" "$@" ;;
        *) return 1 ;;
    esac
    return 0
}

_compassion() {
    local cur prev cmd="" sub="" i word
    local -a home=()
    cur=${COMP_WORDS[COMP_CWORD]}
    prev=${COMP_WORDS[COMP_CWORD - 1]}
    # "--format=<Tab>": readline makes "=" a word of its own, so the option is
    # the word before it; where "=" is not a word break, split the word here.
    local eq=""
    if [[ $cur == = ]]; then
        cur=""
    elif [[ $prev == = && $COMP_CWORD -ge 2 ]]; then
        prev=${COMP_WORDS[COMP_CWORD - 2]}
    elif [[ $cur == --*=* ]]; then
        prev=${cur%%=*}; eq=$prev=; cur=${cur#*=}
    fi

    # Find the command, its subcommand, and a --home to pass on.
    for ((i = 1; i < COMP_CWORD; i++)); do
        word=${COMP_WORDS[i]}
        case $word in
            --home|--color|--date|--did|--unsure|--forgot|-s|--showed-up|-m|--message|--from|--to|--format|-t|--minutes|-n|--count|--resilience|--positive-emotion|--generosity|--attention|--focus|--what|--impact|--need|--repair|--differently|--kind-words|--kind|--step|--follow-up|--note|--item|--map|--init)
                [[ ${COMP_WORDS[i + 1]} == = ]] && ((i++))
                [[ $word == --home ]] && home=(--home "${COMP_WORDS[i + 1]}")
                ((i++)); continue ;;
            --home=*) home=(--home "${word#--home=}"); continue ;;
            -*) continue ;;
        esac
        if [[ -z $cmd ]]; then
            cmd=$word
        elif [[ -z $sub ]]; then
            sub=$word
        fi
    done

    _compassion_cmd=$cmd
    if _compassion_value "$prev" "$cur" "${home[@]}"; then
        [[ -n $eq ]] && COMPREPLY=("${COMPREPLY[@]/#/$eq}")
        return
    fi

    local opts
    case $cmd in
        "")
            opts="--home --color -q --quiet --no-pager --version --help"
            if [[ $cur == -* ]]; then
                COMPREPLY=($(compgen -W "$opts" -- "$cur"))
            else
                COMPREPLY=($(compgen -W "$_compassion_commands" -- "$cur"))
            fi
            return ;;
        help)
            if [[ -z $sub && $cur != -* ]]; then
                COMPREPLY=($(compgen -W "$_compassion_commands" -- "$cur")); return
            fi
            opts="--help" ;;
        log) opts="--date --did --unsure --forgot --showed-up -s --message -m --check --if-missing --list-items --help" ;;
        practice)
            case $sub in
                "") if [[ $cur == -* ]]; then opts="--help"; else
                        COMPREPLY=($(compgen -W "kindness recall quality" -- "$cur")); return
                    fi ;;
                kindness) opts="--minutes -t --count -n --bell --no-log --help" ;;
                recall) opts="--no-log --help" ;;
                quality)
                    if [[ $cur != -* ]]; then
                        COMPREPLY=($(compgen -W "resilience positive-emotion generosity attention" -- "$cur")); return
                    fi
                    opts="--no-log --help" ;;
            esac ;;
        reflect)
            case $sub in
                "") if [[ $cur == -* ]]; then opts="--help"; else
                        COMPREPLY=($(compgen -W "qualities showup recall reframe prompt" -- "$cur")); return
                    fi ;;
                qualities) opts="--resilience --positive-emotion --generosity --attention --focus --help" ;;
                showup)
                    if [[ $cur != -* ]]; then
                        _compassion_showup_items "$cur" "${home[@]}"; return
                    fi
                    opts="--help" ;;
                recall) opts="--message -m --edit -e --help" ;;
                reframe) opts="--what --impact --need --repair --differently --kind-words --follow-up --edit -e --step --close --done --note -m --open --help" ;;
                prompt) opts="--date --help" ;;
            esac ;;
        review) opts="--week --month --year --all --this-week --last-week --this-month --last-month --from --to --format --redact --details --help" ;;
        export) opts="--format --kind --week --month --year --all --this-week --last-week --this-month --last-month --from --to --redact --help" ;;
        import)
            if [[ $cur != -* ]]; then
                COMPREPLY=($(compgen -f -- "$cur")); return
            fi
            opts="--format --dry-run --skip-bad --item --only-listed --map --week --month --year --all --this-week --last-week --this-month --last-month --from --to --help" ;;
        show|edit|forget)
            if [[ -z $sub && $cur != -* ]]; then
                _compassion_handles "$cur" "${home[@]}"
                [[ $cmd == show ]] && COMPREPLY+=($(compgen -W "today yesterday" -- "$cur"))
                return
            fi
            case $cmd in
                show) opts="--kind --format --week --month --year --all --this-week --last-week --this-month --last-month --from --to --help" ;;
                edit) opts="--message -m --help" ;;
                forget) opts="--yes -y --help" ;;
            esac ;;
        find) opts="--kind --case-sensitive -s --week --month --year --all --this-week --last-week --this-month --last-month --from --to --help" ;;
        undo) opts="--yes -y --help" ;;
        review) opts="--week --month --year --all --from --to --format --redact --help" ;;
        sync) opts="--init --status --help" ;;
        doctor) opts="--fix --help" ;;
        *) return ;;
    esac
    COMPREPLY=($(compgen -W "$opts" -- "$cur"))
}

complete -F _compassion compassion
