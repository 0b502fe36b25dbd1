#include <graphviz/gvc.h>
#include <graphviz/graphviz_version.h>
#include <stddef.h>

/* gvRenderData with the length as size_t whatever the installed Graphviz: Graphviz 13.0 changed
   the parameter from unsigned int * to size_t *; 2.42 to 12 define no GRAPHVIZ_VERSION_MAJOR. */
static inline int tsunagari_render_data(GVC_t *gvc, graph_t *g, const char *format, char **result, size_t *length) {
#if defined(GRAPHVIZ_VERSION_MAJOR) && GRAPHVIZ_VERSION_MAJOR >= 13
    return gvRenderData(gvc, g, format, result, length);
#else
    unsigned int n = 0;
    int status = gvRenderData(gvc, g, format, result, &n);
    *length = n;
    return status;
#endif
}
