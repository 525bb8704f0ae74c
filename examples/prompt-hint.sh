# A quiet hint in your shell prompt in the evening, until today has a check-in.
# Source this from ~/.bashrc (bash) or ~/.zshrc (zsh).
compassion_prompt_hint() {
    local hour
    hour=$(date +%H)
    if [ "$hour" -ge 19 ] && ! compassion -q log --check 2>/dev/null; then
        printf '(check-in?) '
    fi
}
if [ -n "${BASH_VERSION:-}" ]; then
    PS1='$(compassion_prompt_hint)'"$PS1"
elif [ -n "${ZSH_VERSION:-}" ]; then
    setopt PROMPT_SUBST
    PS1='$(compassion_prompt_hint)'"$PS1"
fi
