#ifndef SAFETYGRAPH_CGRAPHVIZ_SHIM_H
#define SAFETYGRAPH_CGRAPHVIZ_SHIM_H
#include <graphviz/gvc.h>
#include <graphviz/cgraph.h>

/* Exported by libcgraph but declared only in its private header: flushes the DOT scanner's input buffer.
 * The scanner is global and keeps what it read past the end of a graph for the next agread() — even when
 * that reads another string — so SafetyGraphGraphviz flushes it before every parse. */
extern void aglexbad(void);
#endif
