#include "core/prompts.hpp"

#include "core/rotation.hpp"

#include <array>
#include <numeric>

namespace compassion {

namespace {

using enum PracticeTheme;

constexpr std::array<Prompt, 36> pool = {{
    // What it takes to show up well.
    {showup, "Which one small thing would help you show up well tomorrow?"},
    {showup, "When did you feel most like yourself with someone today, and what had you "
             "done for yourself before it?"},
    {showup, "Is there something on your show-up list that no longer fits? It is yours "
             "to change."},
    {showup, "Think of someone who needed you today. What did you bring them that rest "
             "or care had given you?"},
    {showup, "What helped you stay steady today, even a little?"},
    {showup, "If a friend did your job on your amount of sleep, what would you wish "
             "for them now?"},
    // The four qualities of well-being.
    {wellbeing, "Where did your attention go today when nothing asked for it?"},
    {wellbeing, "Name one moment of bounce-back today, however small."},
    {wellbeing, "What gave you a flicker of joy or ease today?"},
    {wellbeing, "Who did you give something to today: time, patience, a smile?"},
    {wellbeing, "Which of resilience, positive emotion, generosity and attention would "
                "like a little care this week?"},
    {wellbeing, "When did you notice your own breath today?"},
    // Recalling moments of care.
    {recall, "Recall a time you let yourself rest without earning it first."},
    {recall, "When did you last speak to yourself the way you speak to someone you love?"},
    {recall, "Remember a moment someone was kind to you. Let it land again for a few "
             "breaths."},
    {recall, "What is one thing you did for yourself this week that you would like to "
             "remember?"},
    {recall, "Think of a moment you held someone's pain with care. Could you offer "
             "yourself the same?"},
    {recall, "When did you last forgive yourself for something small?"},
    // Loving-kindness.
    {kindness, "Silently wish the next person you see well, and notice how it "
               "feels."},
    {kindness, "May you be at ease. Who could you send that wish to, yourself included?"},
    {kindness, "While you wait for something today, try: may I be safe, may I be well."},
    {kindness, "Bring to mind someone you find difficult. Can you wish them peace, just "
               "for a moment?"},
    {kindness, "What kind words would you like to hear right now? Offer them to yourself."},
    {kindness, "May all beings find rest. Where in your day could you make room for that "
               "wish?"},
    // From shame to guilt to repair.
    {repair, "Is there a moment from today you keep replaying? Try describing only what "
             "happened, not who you are."},
    {repair, "What need were you trying to meet when things went differently than you "
             "hoped?"},
    {repair, "Is there a small repair you could make this week, to someone or to "
             "yourself?"},
    {repair, "What would you like to try next time, now that you have seen what "
             "happened?"},
    {repair, "Owning a mistake is a kind act. What would you say to a friend who had "
             "made yours?"},
    {repair, "Which repair from the past have you already made, and what did it teach "
             "you?"},
    // Staying resourced.
    {resourced, "How full is your tank right now, and what would top it up a little?"},
    {resourced, "What is one thing you could say no to, so you can say yes to rest?"},
    {resourced, "When you are tired, what do you reach for? Does it help?"},
    {resourced, "Who looks after you when you have looked after everyone else?"},
    {resourced, "What early sign tells you that you are running low?"},
    {resourced, "Which part of your care for others could rest now, so it is still "
                "there next time?"},
}};

} // namespace

std::span<const Prompt> prompt_pool() {
    return pool;
}

// The pool is grouped by theme; stepping through it by a stride that shares no
// factor with its size visits every prompt once per cycle while the theme
// changes from one day to the next.
constexpr std::size_t stride = 7;
static_assert(std::gcd(stride, pool.size()) == 1);

const Prompt& prompt_for_day(Date day) {
    return pool[(index_for_day(day, pool.size(), "prompt") * stride) % pool.size()];
}

} // namespace compassion
