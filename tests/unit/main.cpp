#define DOCTEST_CONFIG_IMPLEMENT
#include <doctest/doctest.h>

#include <sys/stat.h>

int main(int argc, char** argv) {
    // Files the tests write by hand are private, as the tool's own are;
    // otherwise the tool rightly tightens them and warns in every test.
    ::umask(077);
    return doctest::Context(argc, argv).run();
}
