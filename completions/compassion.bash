# bash completion for compassion                             -*- shell-script -*-
# Installed as share/bash-completion/completions/compassion; or source it.

_compassion_items() {
    # Ask the binary for the user's own show-up items (with --home if given),
    # written with hyphens for spaces so each is one word.
    local home=("$@")
    compassion "${home[@]}" log --list-items 2>/dev/null | sed 's/ /-/g'
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
            --color|--date|--did|--unsure|--forgot|-s|--showed-up|-m|--message|--from|--to|--format|-t|--minutes|-n|--count|--resilience|--positive-emotion|--generosity|--attention|--focus|--what|--impact|--need|--repair|--differently|--kind|--follow-up|--done|--note) ((i++)); continue ;;
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
        --focus) COMPREPLY=($(compgen -W "resilience positive-emotion generosity attention none" -- "$cur")); return ;;
        --resilience|--positive-emotion|--generosity|--attention) COMPREPLY=($(compgen -W "1 2 3 4 5" -- "$cur")); return ;;
        --follow-up) COMPREPLY=($(compgen -W "tomorrow monday tuesday wednesday thursday friday saturday sunday" -- "$cur")); return ;;
        --what|--impact|--need|--repair|--differently|--kind|--done|--note) return ;;
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
                COMPREPLY=($(compgen -W "log practice reflect review" -- "$cur"))
            fi
            return ;;
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
                reframe) opts="--what --impact --need --repair --differently --kind --follow-up --edit -e --done --note -m --open --help" ;;
                prompt) opts="--date --help" ;;
            esac ;;
        review) opts="--week --month --year --all --from --to --format --redact --help" ;;
        *) return ;;
    esac
    COMPREPLY=($(compgen -W "$opts" -- "$cur"))
}

complete -F _compassion compassion
