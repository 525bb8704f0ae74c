# CPack pre-build script: directories in the package are 0755, whatever the
# umask of whoever builds it (CPack creates the staging tree with that umask,
# and a package of 0700 directories leaves its files unreadable to users).
file(GLOB_RECURSE _dirs LIST_DIRECTORIES true "${CPACK_TEMPORARY_INSTALL_DIRECTORY}/*")
foreach(dir IN LISTS _dirs)
    if(IS_DIRECTORY "${dir}" AND NOT IS_SYMLINK "${dir}")
        file(CHMOD "${dir}" PERMISSIONS OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ
                                        GROUP_EXECUTE WORLD_READ WORLD_EXECUTE)
    endif()
endforeach()
