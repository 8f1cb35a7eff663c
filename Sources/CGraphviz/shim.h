#ifndef SAFETYGRAPH_CGRAPHVIZ_SHIM_H
#define SAFETYGRAPH_CGRAPHVIZ_SHIM_H
#include <graphviz/gvc.h>
#include <graphviz/cgraph.h>
#endif
