/* The library's version and its status codes as text, for hosts. */
#include "trawl.h"

const char *trawl_version(void) { return TRAWL_VERSION; }

const char *trawl_strerror(int status)
{
    switch (status) {
    case TRAWL_OK:     return "ok";
    case TRAWL_ENOMEM: return "not enough memory";
    case TRAWL_EINPUT: return "the article is not acceptable";
    case TRAWL_ERULE:  return "a rule failed";
    case TRAWL_ELIMIT: return "a limit was hit";
    case TRAWL_EIO:    return "a file could not be read";
    case TRAWL_EARG:   return "bad argument";
    default:           return "unknown status";
    }
}
