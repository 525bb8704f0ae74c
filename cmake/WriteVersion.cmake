# cmake -DSOURCE_DIR=… -DOUTPUT=… -DPROJECT_VERSION=… [-DGIT_EXECUTABLE=…] -P WriteVersion.cmake
# Writes version.hpp: "compassion 0.1.0 (ffbba34)", "(ffbba34-dirty)" when
# tracked files were changed and not committed, or "compassion 0.1.0" outside git.
set(COMPASSION_GIT_SUFFIX "")
if(GIT_EXECUTABLE AND EXISTS "${SOURCE_DIR}/.git")
    execute_process(
        COMMAND "${GIT_EXECUTABLE}" rev-parse --short HEAD
        WORKING_DIRECTORY "${SOURCE_DIR}"
        OUTPUT_VARIABLE commit OUTPUT_STRIP_TRAILING_WHITESPACE
        RESULT_VARIABLE result ERROR_QUIET)
    if(result EQUAL 0 AND commit)
        execute_process(
            COMMAND "${GIT_EXECUTABLE}" status --porcelain --untracked-files=no
            WORKING_DIRECTORY "${SOURCE_DIR}"
            OUTPUT_VARIABLE changes RESULT_VARIABLE result ERROR_QUIET)
        if(result EQUAL 0 AND NOT changes STREQUAL "")
            string(APPEND commit "-dirty")
        endif()
        set(COMPASSION_GIT_SUFFIX " (${commit})")
    endif()
endif()
configure_file("${CMAKE_CURRENT_LIST_DIR}/version.hpp.in" "${OUTPUT}" @ONLY)
