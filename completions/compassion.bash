# bash completion for compassion                             -*- shell-script -*-
# Installed as share/bash-completion/completions/compassion; or source it.

_compassion_items() {
    # Ask the binary for the user's own show-up items (with --home if given),
    # written with hyphens for spaces so each is one word.
    local home=("$@")
    compassion "${home[@]}" log --list-items 2>/dev/null | sed 's/ /-/g'
}

_compassion() {
    local cur prev cmd="" sub="" i word
    local -a home=()
    cur=${COMP_WORDS[COMP_CWORD]}
    prev=${COMP_WORDS[COMP_CWORD - 1]}

    # Find the command, its subcommand, and a --home to pass on.
    for ((i = 1; i < COMP_CWORD; i++)); do
        word=${COMP_WORDS[i]}
        case $word in
            --home) home=(--home "${COMP_WORDS[i + 1]}"); ((i++)); continue ;;
            --color|--date|--did|--unsure|--forgot|-s|--showed-up|-m|--message|--from|--to|--format) ((i++)); continue ;;
            -*) continue ;;
        esac
        if [[ -z $cmd ]]; then
            cmd=$word
        elif [[ -z $sub ]]; then
            sub=$word
        fi
    done

    case $prev in
        --home) COMPREPLY=($(compgen -d -- "$cur")); return ;;
        --color) COMPREPLY=($(compgen -W "auto always never" -- "$cur")); return ;;
        --date|--from|--to)
            COMPREPLY=($(compgen -W "today yesterday monday tuesday wednesday thursday friday saturday sunday" -- "$cur"))
            return ;;
        --format) COMPREPLY=($(compgen -W "text tsv csv json" -- "$cur")); return ;;
        -s|--showed-up) COMPREPLY=($(compgen -W "1 2 3 4 5" -- "$cur")); return ;;
        -m|--message) return ;;
        --did|--unsure|--forgot)
            # Complete the last name of a comma-separated list.
            local head="" last=$cur
            if [[ $cur == *,* ]]; then head=${cur%,*},; last=${cur##*,}; fi
            local -a items
            mapfile -t items < <(_compassion_items "${home[@]}")
            COMPREPLY=($(compgen -P "$head" -W "${items[*]}" -- "$last"))
            compopt -o nospace 2>/dev/null
            return ;;
    esac

    local opts
    case $cmd in
        "")
            opts="--home --color -q --quiet --version --help"
            if [[ $cur == -* ]]; then
                COMPREPLY=($(compgen -W "$opts" -- "$cur"))
            else
                COMPREPLY=($(compgen -W "log review" -- "$cur"))
            fi
            return ;;
        log) opts="--date --did --unsure --forgot --showed-up -s --message -m --check --if-missing --list-items --help" ;;
        review) opts="--week --month --year --all --from --to --format --redact --help" ;;
        *) return ;;
    esac
    COMPREPLY=($(compgen -W "$opts" -- "$cur"))
}

complete -F _compassion compassion
