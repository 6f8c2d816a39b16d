// libxml2's parser and XML Schema validator, for the LHÉO training offers (`guichet import lheo`).
#include <libxml/xmlversion.h>
// Debian's libxml2 is built with ICU, whose system headers clash with the ICU copy Foundation brings;
// Guichet never touches the converter fields those headers declare (only pointers to the handler).
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlmemory.h>
#include <libxml/xmlschemas.h>

// Swift 6 refuses the mutable C global xmlFree: a small function calls it.
static inline void guichet_xml_free(void *pointer) { xmlFree(pointer); }
