// The libcurl functions that Xerces-C's network accessor calls, answering that
// no URL scheme is supported. Linked only into the programs built with the
// static Xerces (cmake/XercesLink.cmake), never into the installed library.
//
// Why: Debian builds Xerces-C with libcurl as its network accessor, for schemas
// and entities named by http/ftp URLs. unattend never fetches anything: its
// readers refuse DOCTYPEs, deny every entity and schema location and validate
// with the built-in grammar only (model/xml/safe_reader.cpp). Yet loading
// libcurl-gnutls and the 30 libraries behind it (gnutls, Kerberos, LDAP,
// OpenSSL's libcrypto, ...) took about two thirds of the start-up of every run
// (docs/performance.md). With these, a URL that ever reached the accessor
// fails as an unsupported protocol (MalformedURLException), as in a Xerces
// built without a network accessor: the behaviour is unchanged and closed.
//
// The signatures and constants are libcurl's public ABI (curl/curl.h,
// curl/multi.h): CURLE_OK and CURLM_OK are 0, CURLMSG_DONE is 1 and
// CURLE_UNSUPPORTED_PROTOCOL is 1.

#include <cstddef>

namespace {

struct CurlMessage {  // CURLMsg
  int msg;
  void* easy_handle;
  union {
    void* whatever;
    int result;
  } data;
};

constexpr int curl_ok = 0;
constexpr int message_done = 1;
constexpr int unsupported_protocol = 1;

int handle = 0;  // the address stands for every easy and multi handle

}  // namespace

extern "C" {

int curl_global_init(long) { return curl_ok; }
void curl_global_cleanup() {}

void* curl_easy_init() { return &handle; }
void curl_easy_cleanup(void*) {}
int curl_easy_setopt(void*, int, ...) { return curl_ok; }
int curl_easy_getinfo(void*, int, ...) { return unsupported_protocol; }

void* curl_multi_init() { return &handle; }
int curl_multi_cleanup(void*) { return curl_ok; }
int curl_multi_add_handle(void*, void*) { return curl_ok; }
int curl_multi_remove_handle(void*, void*) { return curl_ok; }

// The transfer is over at once...
int curl_multi_perform(void*, int* running_handles) {
  *running_handles = 0;
  return curl_ok;
}

// ...and failed: Xerces turns this into MalformedURLException (URL_UnsupportedProto).
void* curl_multi_info_read(void*, int* msgs_in_queue) {
  static CurlMessage refused{message_done, &handle, {.result = unsupported_protocol}};
  *msgs_in_queue = 0;
  return &refused;
}

int curl_multi_fdset(void*, void*, void*, void*, int* max_fd) {
  *max_fd = -1;
  return curl_ok;
}

int curl_multi_timeout(void*, long* timeout) {
  *timeout = 0;
  return curl_ok;
}

void* curl_slist_append(void*, const char*) { return nullptr; }
void curl_slist_free_all(void*) {}

}  // extern "C"
