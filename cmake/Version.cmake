# The version comes from project(); a build from a git checkout adds the
# commit, and "-dirty" when tracked files differ from it. Worked out again at
# every build (not only at configure time), so `--version` never names a
# commit the binary was not built from. version.hpp is rewritten only when
# its text changes, so an unchanged tree recompiles nothing.
find_package(Git QUIET)
set(_version_args
    -DSOURCE_DIR=${PROJECT_SOURCE_DIR}
    -DOUTPUT=${PROJECT_BINARY_DIR}/generated/version.hpp
    -DPROJECT_VERSION=${PROJECT_VERSION}
    -DGIT_EXECUTABLE=${GIT_EXECUTABLE})
execute_process(COMMAND "${CMAKE_COMMAND}" ${_version_args}
                        -P "${PROJECT_SOURCE_DIR}/cmake/WriteVersion.cmake")
add_custom_target(compassion_version
    COMMAND "${CMAKE_COMMAND}" ${_version_args} -P "${PROJECT_SOURCE_DIR}/cmake/WriteVersion.cmake"
    BYPRODUCTS "${PROJECT_BINARY_DIR}/generated/version.hpp"
    COMMENT "Checking the version"
    VERBATIM)
