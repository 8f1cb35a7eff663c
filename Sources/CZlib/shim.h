#ifndef SAFETYGRAPH_CZLIB_SHIM_H
#define SAFETYGRAPH_CZLIB_SHIM_H
#include <zlib.h>

/* deflateInit2 and inflateInit are macros (they pass ZLIB_VERSION and the size of z_stream, so that the library can
 * check it was compiled against the same header); Swift does not import function-like macros. */
static inline int safetygraph_deflateInit2(z_streamp stream, int level, int memLevel, int strategy) {
    return deflateInit2(stream, level, Z_DEFLATED, 15, memLevel, strategy);
}

static inline int safetygraph_inflateInit(z_streamp stream) {
    return inflateInit(stream);
}
#endif
