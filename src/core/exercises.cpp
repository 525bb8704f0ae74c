#include "core/exercises.hpp"

#include "core/rotation.hpp"

#include <array>

namespace compassion {

namespace {

constexpr std::array resilience_pool = {
    Exercise{"Both are true",
             "Feel your feet on the floor and your weight in the chair. Name, silently, one thing "
             "that is hard right now, and then one thing that holds you up anyway: a person, a "
             "habit, something you are good at. Let both be true at once."},
    Exercise{"The last storm",
             "Think of a hard stretch you came through. What helped you then: a person, a "
             "routine, a stubborn bit of humour? Choose one of those and give yourself a little "
             "of it today."},
    Exercise{"The longer out-breath",
             "Breathe in to a count of four and out to a count of six, five or six times. A "
             "longer out-breath tells the body it may stand down. Keep it ready for the next "
             "hard conversation."},
    Exercise{"Name it",
             "When something stings today, pause and name the feeling in a word or two: worry, "
             "tired, hurt. Putting a name to a feeling often loosens its grip a little.",
             true},
    Exercise{"What is in my hands",
             "Take one worry and split it in two: the part you can do something about and the "
             "part you cannot. Pick one small step for the first part, and set the second part "
             "down for now."},
    Exercise{"The voice you use for others",
             "Recall a recent moment you were hard on yourself. Say to yourself what you would "
             "say to a colleague in the same spot, in the same warm voice, and notice how it "
             "lands."},
    Exercise{"Coming back",
             "Today, notice how you come back after small upsets: a delay, a curt message, a "
             "plan that changed. Just watch it, without grading it. Coming back is the skill; "
             "the upset is not a failure.",
             true},
    Exercise{"A small, sure thing",
             "Do one small task you know you can finish in two minutes: water a plant, clear a "
             "corner of the desk, answer one easy message. Let yourself feel it done. Steadiness "
             "grows from small completions."},
    Exercise{"Ask for a hand",
             "Think of one thing you are carrying alone that someone could help with, even a "
             "little. Picture asking them. If it feels right, ask today; leaning on others is "
             "part of being resilient."},
};

constexpr std::array positive_emotion_pool = {
    Exercise{"Three good things",
             "Name three things that went well in the last day, however small, and for each one "
             "the part you played in it."},
    Exercise{"The first sip",
             "Take the first sip of your next drink slowly. Notice the warmth or the cool, the "
             "taste, the pause itself. Let a small pleasure be a whole one.",
             true},
    Exercise{"Who made today easier",
             "Think of one person who made your day a little easier. Picture their face and let "
             "yourself feel glad they were there. If you can, tell them."},
    Exercise{"Something pleasant to see",
             "Look out of a window or around the room for something pleasant to the eye: light "
             "on a wall, a colour, a leaf. Rest your gaze there for three slow breaths."},
    Exercise{"A memory that warms",
             "Bring back a moment when you laughed hard or felt completely at ease. Where were "
             "you, and who was there? Stay with the feeling for a few breaths before you go on."},
    Exercise{"Something to look forward to",
             "Name one thing you are looking forward to, later on or this week, and picture "
             "it for a moment. Looking forward is a pleasure of its own."},
    Exercise{"Thank your body",
             "Think of one thing your body did for you today: carried you, held a hand, kept "
             "going. Thank it silently, the way you would thank a friend."},
    Exercise{"Tell someone",
             "Share something good with someone today, your news or theirs. Good things that are "
             "told are felt twice.",
             true},
};

constexpr std::array generosity_pool = {
    Exercise{"A wish for a stranger",
             "Pick someone you can see, or someone you passed today whom you do not know. Wish "
             "them well, silently: may your day be easy. Notice how it feels to give a wish."},
    Exercise{"Your whole attention",
             "In your next conversation, give the other person your whole attention for one "
             "minute: no planning your reply, no glance at a screen. Attention is a gift.",
             true},
    Exercise{"Two lines of thanks",
             "Write a short note of thanks to someone whose work helps you, even in a small way. "
             "Two sentences are plenty. Send it now, or keep it for tomorrow."},
    Exercise{"Make someone's way easier",
             "Look for one small chance today to make someone's way easier: hold a door, let "
             "someone go first, pass on a useful tip.",
             true},
    Exercise{"Generous with yourself",
             "Give yourself something you would readily give a friend: a real break, a glass of "
             "water, permission to stop at good enough."},
    Exercise{"A kindness received",
             "Recall one kindness someone showed you recently and let it land. Receiving well is "
             "part of the circle of giving."},
    Exercise{"Name what they did",
             "Think of someone whose effort often goes unnoticed. Find a way today to tell them, "
             "plainly and specifically, what they did and what it meant.",
             true},
    Exercise{"Listen without fixing",
             "When someone tells you about a difficulty today, try only to understand it, not to "
             "solve it. Ask one question that shows you heard.",
             true},
};

constexpr std::array attention_pool = {
    Exercise{"Five sounds",
             "Close your eyes or soften your gaze, and count five sounds, near and far, without "
             "deciding what they are. Then open your eyes and go on."},
    Exercise{"One whole breath",
             "Follow one breath from its very start to its very end, as if it were the only one. "
             "Then another. When the mind wanders, noticing that is the practice."},
    Exercise{"Hands on the task",
             "Choose one routine task, like washing a cup or typing a line, and give it all of "
             "your attention for a minute: temperature, texture, the small movements."},
    Exercise{"At the threshold",
             "Before the next thing begins, a call, a client, a lesson, take one breath and feel "
             "your feet. A pause at the threshold keeps one thing from spilling into the next.",
             true},
    Exercise{"Watch the weather",
             "For half a minute, notice where your mind goes on its own: planning, remembering, "
             "worrying. No need to change it; watch it move, like weather."},
    Exercise{"One thing at a time",
             "For the next ten minutes, keep one window open and one task in hand. When you reach "
             "for another, notice the reach, and come back.",
             true},
    Exercise{"Walk and feel",
             "On your next walk, even just to the kettle, feel each foot meet the ground: heel, "
             "sole, toes. Let the walk be the whole of it.",
             true},
    Exercise{"Look again",
             "Pick an ordinary object near you and look at it as if for the first time: its "
             "edges, its shadows, the way the light sits on it. A minute is enough."},
};

} // namespace

std::span<const Exercise> exercises_for(std::string_view quality_key) {
    if (quality_key == "resilience")
        return resilience_pool;
    if (quality_key == "positive_emotion")
        return positive_emotion_pool;
    if (quality_key == "generosity")
        return generosity_pool;
    if (quality_key == "attention")
        return attention_pool;
    return {};
}

ChosenExercise exercise_for_day(const Quality& quality, Date day) {
    auto pool = exercises_for(quality.key);
    std::size_t index = index_for_day(day, pool.size(), quality.key);
    return {quality, index, pool.empty() ? Exercise{} : pool[index]};
}

Quality quality_for_day(Date day) {
    return qualities[index_for_day(day, qualities.size(), "quality")];
}

std::string wrapped(std::string_view text, std::size_t width, std::string_view indent) {
    std::string out;
    std::string line;
    auto flush = [&] {
        out.append(indent).append(line).append("\n");
        line.clear();
    };
    std::size_t pos = 0;
    while (pos < text.size()) {
        std::size_t space = text.find(' ', pos);
        std::string_view word =
            text.substr(pos, space == std::string_view::npos ? space : space - pos);
        pos = space == std::string_view::npos ? text.size() : space + 1;
        if (word.empty())
            continue;
        if (!line.empty() && indent.size() + line.size() + 1 + word.size() > width)
            flush();
        if (!line.empty())
            line += ' ';
        line.append(word);
    }
    if (!line.empty())
        flush();
    return out;
}

} // namespace compassion
