# What an install and the Debian package carry: the binary, compressed
# man pages, the changelog in Debian's format, a machine-readable copyright
# file, completions and examples; then CPack's settings for `cpack -G DEB`.

set(COMPASSION_MAINTAINER "compassion maintainers <maintainers@compassion.invalid>"
    CACHE STRING "The package's Maintainer field and changelog signature: \"Name <address>\"")

install(TARGETS compassion RUNTIME DESTINATION "${CMAKE_INSTALL_BINDIR}")

find_program(GZIP_EXECUTABLE gzip REQUIRED)
find_program(AWK_EXECUTABLE NAMES awk mawk gawk REQUIRED)
set(_docs "${PROJECT_BINARY_DIR}/docs")

# Man pages, gzipped as Debian installs them (-n: no name or time inside,
# so the same page always gives the same bytes).
file(GLOB COMPASSION_MAN_PAGES CONFIGURE_DEPENDS
     "${PROJECT_SOURCE_DIR}/man/*.1" "${PROJECT_SOURCE_DIR}/man/*.5")
set(_docs_outputs "")
foreach(page IN LISTS COMPASSION_MAN_PAGES)
    get_filename_component(name "${page}" NAME)
    string(REGEX REPLACE ".*\\.([0-9])$" "\\1" section "${name}")
    set(gz "${_docs}/man${section}/${name}.gz")
    add_custom_command(OUTPUT "${gz}"
        COMMAND "${CMAKE_COMMAND}" -E make_directory "${_docs}/man${section}"
        COMMAND sh -c "\"$0\" -9n -c \"$1\" > \"$2\"" "${GZIP_EXECUTABLE}" "${page}" "${gz}"
        DEPENDS "${page}" VERBATIM)
    list(APPEND _docs_outputs "${gz}")
    install(FILES "${gz}" DESTINATION "${CMAKE_INSTALL_MANDIR}/man${section}")
endforeach()

# changelog.gz from the released sections of CHANGELOG.md.
set(_changelog "${_docs}/changelog.gz")
add_custom_command(OUTPUT "${_changelog}"
    COMMAND sh -c "\"$0\" -v package=$1 -v version=$2 -v \"maintainer=$3\" -f \"$4\" \"$5\" > \"$6.txt\" && \"$7\" -9n -c \"$6.txt\" > \"$6\""
            "${AWK_EXECUTABLE}" "${PROJECT_NAME}" "${PROJECT_VERSION}" "${COMPASSION_MAINTAINER}"
            "${PROJECT_SOURCE_DIR}/cmake/debian-changelog.awk"
            "${PROJECT_SOURCE_DIR}/CHANGELOG.md" "${_changelog}" "${GZIP_EXECUTABLE}"
    DEPENDS "${PROJECT_SOURCE_DIR}/CHANGELOG.md" "${PROJECT_SOURCE_DIR}/cmake/debian-changelog.awk"
    VERBATIM)
list(APPEND _docs_outputs "${_changelog}")

# The copyright file in Debian's machine-readable format, its licence text
# taken from LICENSE (the MIT licence is "Expat" in that format).
file(READ "${PROJECT_SOURCE_DIR}/LICENSE" _license)
string(REGEX REPLACE "^.*\n(Permission is hereby granted)" "\\1" _license "${_license}")
string(REGEX REPLACE "\n+$" "" _license "${_license}")
string(REPLACE "\n\n" "\n.\n" _license "${_license}")
string(REPLACE "\n" "\n " _license "${_license}")
file(STRINGS "${PROJECT_SOURCE_DIR}/LICENSE" _holder REGEX "^Copyright")
string(REGEX REPLACE "^Copyright \\(c\\) " "" _holder "${_holder}")
file(WRITE "${_docs}/copyright.in"
"Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/
Upstream-Name: ${PROJECT_NAME}

Files: *
Copyright: ${_holder}
License: Expat
 ${_license}
")
configure_file("${_docs}/copyright.in" "${_docs}/copyright" COPYONLY)
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS "${PROJECT_SOURCE_DIR}/LICENSE")

add_custom_target(compassion_docs ALL DEPENDS ${_docs_outputs})

install(FILES "${_changelog}" "${_docs}/copyright" README.md DESTINATION "${CMAKE_INSTALL_DOCDIR}")
install(FILES completions/compassion.bash
        DESTINATION "${CMAKE_INSTALL_DATADIR}/bash-completion/completions" RENAME compassion)
install(FILES completions/_compassion DESTINATION "${CMAKE_INSTALL_DATADIR}/zsh/vendor-completions")
install(FILES completions/compassion.fish
        DESTINATION "${CMAKE_INSTALL_DATADIR}/fish/vendor_completions.d")
# Examples are documents; the scripts that start with #! can also be run.
file(GLOB _examples "${PROJECT_SOURCE_DIR}/examples/*")
set(_scripts "")
set(_script_patterns "")
foreach(example IN LISTS _examples)
    if(NOT IS_DIRECTORY "${example}")
        file(READ "${example}" _start LIMIT 2)
        if(_start MATCHES "^#!")
            list(APPEND _scripts "${example}")
            get_filename_component(name "${example}" NAME)
            list(APPEND _script_patterns PATTERN "${name}" EXCLUDE)
        endif()
    endif()
endforeach()
install(DIRECTORY examples/ DESTINATION "${CMAKE_INSTALL_DOCDIR}/examples"
        FILE_PERMISSIONS OWNER_READ OWNER_WRITE GROUP_READ WORLD_READ ${_script_patterns})
install(PROGRAMS ${_scripts} DESTINATION "${CMAKE_INSTALL_DOCDIR}/examples")

set(CPACK_PACKAGE_NAME "${PROJECT_NAME}")
set(CPACK_PACKAGE_CONTACT "${COMPASSION_MAINTAINER}")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "gentle companion for a daily self-compassion practice")
set(CPACK_PACKAGE_DESCRIPTION
"compassion is a command-line companion for a daily self-compassion practice,
for people in helping professions and anyone who lives in a terminal.

It takes seconds a day: an end-of-day check-in of the few things that let
you show up well for others, guided reflections and short practices, and a
review that shows over a week what really helps, as a calm report or as
TSV, CSV or JSON for pipes.

Everything stays on the machine, in plain TOML files, one per month.")
set(CPACK_DEBIAN_PACKAGE_SECTION utils)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# libzip is loaded only when a zip is imported, so shlibdeps cannot see it.
set(CPACK_DEBIAN_PACKAGE_DEPENDS "${COMPASSION_LIBZIP_PACKAGE}")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_STRIP_FILES ON)
set(CPACK_PRE_BUILD_SCRIPTS "${PROJECT_SOURCE_DIR}/cmake/package-modes.cmake")
include(CPack)
