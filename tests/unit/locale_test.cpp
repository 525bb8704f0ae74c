#include "core/locale.hpp"
#include "fakes.hpp"

#include <doctest/doctest.h>

using namespace compassion;

namespace {

MapEnvironment env(std::map<std::string, std::string> vars) {
    return MapEnvironment(std::move(vars));
}

} // namespace

TEST_CASE("the codeset comes from LC_ALL then LC_CTYPE then LANG") {
    CHECK(locale_codeset(env({{"LANG", "de_DE.ISO-8859-1"}})) == "ISO-8859-1");
    CHECK(locale_codeset(env({{"LANG", "de_DE.ISO-8859-15@euro"}})) == "ISO-8859-15");
    CHECK(locale_codeset(env({{"LANG", "C.UTF-8"}, {"LC_CTYPE", "C"}})) == "ANSI_X3.4-1968");
    CHECK(locale_codeset(env({{"LC_CTYPE", "C"}, {"LC_ALL", "en_US.UTF-8"}})) == "UTF-8");
    CHECK(locale_codeset(env({{"LC_ALL", ""}, {"LANG", "C.utf8"}})) == "utf8");
    CHECK(locale_codeset(env({})) == "ANSI_X3.4-1968");
    CHECK(locale_codeset(env({{"LANG", "POSIX"}})) == "ANSI_X3.4-1968");
    CHECK(locale_codeset(env({{"LANG", "de_DE"}})).empty());
}

TEST_CASE("only a UTF-8 codeset counts as a UTF-8 locale") {
    CHECK(utf8_locale(env({{"LANG", "C.UTF-8"}})));
    CHECK(utf8_locale(env({{"LANG", "en_GB.utf8"}})));
    CHECK_FALSE(utf8_locale(env({{"LANG", "C"}})));
    CHECK_FALSE(utf8_locale(env({})));
    CHECK_FALSE(utf8_locale(env({{"LANG", "de_DE.ISO-8859-1"}})));
    CHECK_FALSE(utf8_locale(env({{"LANG", "de_DE"}})));
}

TEST_CASE("text from a Latin-1 locale converts to UTF-8") {
    auto latin1 = env({{"LANG", "de_DE.ISO-8859-1"}});
    CHECK(from_locale_charset("Caf\xe9 mit M\xfc"
                              "ller",
                              latin1) == "Caf\xc3\xa9 mit M\xc3\xbcller");
    auto latin9 = env({{"LC_ALL", "fr_FR.ISO-8859-15@euro"}});
    CHECK(from_locale_charset("5 \xa4", latin9) == "5 \xe2\x82\xac"); // the euro sign
}

TEST_CASE("no conversion where the locale is UTF-8 ASCII or unnamed") {
    CHECK_FALSE(from_locale_charset("Caf\xe9", env({{"LANG", "C.UTF-8"}})));
    CHECK_FALSE(from_locale_charset("Caf\xe9", env({{"LANG", "C"}})));
    CHECK_FALSE(from_locale_charset("Caf\xe9", env({{"LANG", "de_DE"}})));
    CHECK_FALSE(from_locale_charset("Caf\xe9", env({{"LANG", "xx_XX.NO-SUCH-SET"}})));
}
