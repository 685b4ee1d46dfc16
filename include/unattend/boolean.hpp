#pragma once

// The C++ type of every xs:boolean setting in the generated bindings
// (xml_schema::boolean; generated/CMakeLists.txt maps it with xsdcxx's
// --custom-type and includes this header at the end of xml-schema.hxx).
//
// With plain bool, shell.OOBE()->HideEULAPage("no") compiles (a pointer
// converts to bool) and writes true. Boolean takes true and false only: a
// string literal, a number or a pointer is a compile error. Reading is as
// before: a Boolean converts to bool. Parsing and writing are C++/Tree's own
// for xs:boolean ("true", "false", "1", "0" read; "true", "false" written).
//
// Not included directly: it needs the definitions of xml-schema.hxx.

#include <string>
#include <type_traits>

#include <xsd/cxx/tree/parsing/boolean.hxx>
#include <xsd/cxx/tree/serialization/boolean.hxx>

namespace unattend {

class Boolean : public ::xsd::cxx::tree::fundamental_base<bool, char, ::xml_schema::simple_type> {
  using base = ::xsd::cxx::tree::fundamental_base<bool, char, ::xml_schema::simple_type>;

 public:
  Boolean() = default;
  Boolean(bool value) : base(value) {}  // NOLINT: implicit, so that HideEULAPage(true) reads as it should
  // "no", 1, nullptr: anything that would otherwise convert to bool.
  template <typename T>
    requires(std::is_arithmetic_v<T> || std::is_pointer_v<T> || std::is_null_pointer_v<T>)
  Boolean(T) = delete;

  // What C++/Tree needs of a type it parses, copies and serializes.
  Boolean(const ::xercesc::DOMElement& e, ::xml_schema::flags f = 0, ::xml_schema::container* c = nullptr)
      : base(e, f, c) {}
  Boolean(const ::xercesc::DOMAttr& a, ::xml_schema::flags f = 0, ::xml_schema::container* c = nullptr)
      : base(a, f, c) {}
  Boolean(const std::string& s, const ::xercesc::DOMElement* e, ::xml_schema::flags f = 0,
          ::xml_schema::container* c = nullptr)
      : base(s, e, f, c) {}
  Boolean(const Boolean& x, ::xml_schema::flags f = 0, ::xml_schema::container* c = nullptr) : base(x, f, c) {}
  Boolean& operator=(const Boolean&) = default;
  Boolean& operator=(bool value) {
    base::operator=(value);
    return *this;
  }
  Boolean* _clone(::xml_schema::flags f = 0, ::xml_schema::container* c = nullptr) const override {
    return new Boolean(*this, f, c);
  }
};

inline void operator<<(::xercesc::DOMElement& e, const Boolean& b) { e << static_cast<bool>(b); }
inline void operator<<(::xercesc::DOMAttr& a, const Boolean& b) { a << static_cast<bool>(b); }
inline void operator<<(::xml_schema::list_stream& s, const Boolean& b) { s << static_cast<bool>(b); }

}  // namespace unattend
