#pragma once

// What the disk-layout rules (UA8001-UA8005) share: reading
// Microsoft-Windows-Setup's DiskConfiguration the way Setup does, so that the
// rules agree on which partitions a disk gets and how they are numbered.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "check/rules/rule.hpp"

namespace unattend::detail::rules {

// Setup's booleans: "true" or "1"; anything else, or no element, is false.
bool truthy(const Node* n);

// A whole decimal number, or nullopt (no element, other text, out of range).
std::optional<long> number(const Node* n);

bool is_setup(const Node& node, std::string_view path);

// The InstallTo of an OS image, a data image or a Windows Deployment Services image.
bool is_install_to(const Node& node);

// A partition's Type in lower case (Windows reads it without regard to case), or "".
std::string partition_type(const Node& partition);

// Whether every CreatePartition of the list has an Order: without one the
// creation order, and so the numbering, is unknown (UA5001 reports it).
bool orders_known(const Node& create);

// The CreatePartition elements of a CreatePartitions list in the order Setup
// creates them; an unreadable Order counts as 0.
std::vector<const Node*> in_creation_order(const Node& create);

// The partitions a CreatePartitions list makes, in the order Setup numbers
// them (an Extended partition gets no number of its own, its Logical
// partitions do); nullopt when an Order is missing and the numbers are unknown.
std::optional<std::vector<const Node*>> numbered(const Node& create);

// Every element from `top` down, depth first, like Document::for_each: the
// disk rules read one Setup component at a time.
template <typename F>
void for_each_below(const Node& top, F&& f) {
  f(top);
  for (const auto& child : top.children) for_each_below(*child, f);
}

}  // namespace unattend::detail::rules
