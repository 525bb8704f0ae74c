#include "core/errors.hpp"
#include "fakes.hpp"
#include "helpers.hpp"
#include "store/home.hpp"

#include <doctest/doctest.h>
#include <sys/stat.h>

using namespace compassion;

TEST_CASE("the home is chosen by flag, then COMPASSION_HOME, XDG, HOME") {
    MapEnvironment all({{"COMPASSION_HOME", "/c"}, {"XDG_CONFIG_HOME", "/x"}, {"HOME", "/h"}});
    CHECK(resolve_home(std::string("/flag/"), all).root == "/flag");
    CHECK(resolve_home(std::nullopt, all).root == "/c");
    CHECK(resolve_home(std::nullopt, MapEnvironment({{"XDG_CONFIG_HOME", "/x"}, {"HOME", "/h"}}))
              .root == "/x/compassion");
    CHECK(resolve_home(std::nullopt,
                       MapEnvironment(std::map<std::string, std::string>{{"HOME", "/h"}}))
              .root == "/h/.config/compassion");
}

TEST_CASE("a relative XDG_CONFIG_HOME is ignored as the spec asks") {
    MapEnvironment env({{"XDG_CONFIG_HOME", "relative/dir"}, {"HOME", "/h"}});
    CHECK(resolve_home(std::nullopt, env).root == "/h/.config/compassion");
}

TEST_CASE("with no HOME at all the passwd entry still gives a home") {
    Home h = resolve_home(std::nullopt, MapEnvironment(std::map<std::string, std::string>{}));
    CHECK(h.root.front() == '/');
    CHECK(h.root.find("/.config/compassion") != std::string::npos);
}

TEST_CASE("the home and journal are created private") {
    testing::TempDir tmp;
    RealFileSystem fs;
    Home home{tmp.path() + "/deep/er/home"};
    prepare_home(fs, home);
    struct stat st {};
    REQUIRE(::stat(home.journal_dir().c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0700);
    REQUIRE(::stat(home.root.c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0700);
}

TEST_CASE("a home that is a file is refused with a clear error") {
    testing::TempDir tmp;
    RealFileSystem fs;
    std::string file = tmp.path() + "/plain";
    std::FILE* f = std::fopen(file.c_str(), "w");
    std::fclose(f);
    CHECK_THROWS_AS(prepare_home(fs, Home{file}), CreateError);
}
