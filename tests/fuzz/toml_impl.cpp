// Compiles toml++'s parser into the fuzz targets (instead of calling the
// shared library), so libFuzzer sees coverage inside the parser too.
#define TOML_IMPLEMENTATION
#include <toml++/toml.h>
