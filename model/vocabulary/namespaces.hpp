#pragma once

// The XML namespaces of an answer file: here, below xml/ and schema/, because
// the reader, the writer and the grammars all name them.

namespace unattend::detail {

inline constexpr char16_t unattend_namespace[] = u"urn:schemas-microsoft-com:unattend";
inline constexpr char16_t wcm_namespace[] = u"http://schemas.microsoft.com/WMIConfig/2002/State";
inline constexpr char16_t annotations_namespace[] = u"urn:unattend:annotations";
inline constexpr char16_t xmlns_namespace[] = u"http://www.w3.org/2000/xmlns/";

}  // namespace unattend::detail
