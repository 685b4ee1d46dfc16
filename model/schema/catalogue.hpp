#pragma once

// The setting catalogue (Schema::Impl) as built from the compiled schemas'
// model, and the compact form the build writes next to the grammar pool
// (tools/grammar-blob), so that a run reads it instead of building it.

#include <string>
#include <string_view>

#include <xercesc/framework/psvi/XSModel.hpp>

#include "schema/schema_impl.hpp"

namespace unattend::detail {

// Components and settings as the schemas declare them; Impl::index() sorts and indexes them.
void build_catalogue(xercesc::XSModel& model, Schema::Impl& out);

std::string encode_catalogue(const Schema::Impl& catalogue);
// False, leaving out alone, for bytes that are not a whole catalogue.
bool decode_catalogue(std::string_view bytes, Schema::Impl& out);

}  // namespace unattend::detail
