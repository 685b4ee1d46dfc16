#pragma once

#include <memory>
#include <string>
#include <string_view>

namespace unattend::detail {

// SHA-256 over bytes fed in pieces. Nettle does the work: it is already in
// the process (Xerces -> curl -> GnuTLS -> Nettle), so this costs no new
// runtime dependency.
class Sha256 {
 public:
  Sha256();
  ~Sha256();
  Sha256(const Sha256&) = delete;
  Sha256& operator=(const Sha256&) = delete;

  void update(std::string_view bytes);
  // Lower-case hex of the digest; the object starts over afterwards.
  std::string hex_digest();

 private:
  struct Context;
  std::unique_ptr<Context> context_;
};

}  // namespace unattend::detail
