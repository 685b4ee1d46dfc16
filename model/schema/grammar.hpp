#pragma once

// The compiled-in schemas as one Xerces grammar pool, loaded once per process
// and per validating thread.

#include <xercesc/framework/XMLGrammarPool.hpp>
#include <xercesc/framework/psvi/XSModel.hpp>

namespace unattend::detail {

inline constexpr char16_t unattend_namespace[] = u"urn:schemas-microsoft-com:unattend";
inline constexpr char16_t wcm_namespace[] = u"http://schemas.microsoft.com/WMIConfig/2002/State";
inline constexpr char16_t annotations_namespace[] = u"urn:unattend:annotations";
inline constexpr char16_t xmlns_namespace[] = u"http://www.w3.org/2000/xmlns/";

class Grammar {
 public:
  static const Grammar& instance();

  xercesc::XMLGrammarPool* pool() const { return pool_; }
  // The pool the calling thread validates with: its own, loaded from the
  // same blob. Xerces builds the character classes of xs:pattern facets
  // lazily on first use (RangeToken::createMap) without a lock, so two threads
  // validating with one pool can build the same one at once and abort.
  static xercesc::XMLGrammarPool* for_this_thread();
  // The pool's schema model; null when the pool came from the build (see Schema::Schema).
  xercesc::XSModel* model() const { return model_; }
  // False when the pool serialized at build time could not be loaded and the
  // schemas were compiled at start-up instead.
  bool loaded_from_build() const { return from_build_; }

 private:
  Grammar();
  xercesc::XMLGrammarPool* pool_ = nullptr;  // lives as long as the process
  xercesc::XSModel* model_ = nullptr;        // owned by the pool
  bool from_build_ = false;
};

}  // namespace unattend::detail
