// The national inventory to plan or check while some of its references name systems the store
// does not have yet (their agencies have not submitted them): refused, left out or kept, each
// reference named in a diagnostic. What `plan --store`, `validate --store` and the portal's
// "plan now" share; the messages name the cli's options, which the portal's readers know too.
#pragma once

#include "models/diagnostic.h"
#include "store/national_inventory.h"
#include "store/store_database.h"

namespace cloudplan::store {

// refuse: an error for each reference and one for them all (plan cannot order what it does not
// know); drop: a warning for each saying it is left out of the plan, and the references removed
// from the inventory; warn (validate): a warning for each, the references kept. With drop and
// warn a note counts them per agency.
enum class Unresolved { refuse, drop, warn };

// The national inventory as it stands (loadNationalInventory), its unresolved references
// handled as `unresolved` says.
NationalInventory inventoryFromStore(StoreDatabase& store, Unresolved unresolved,
                                     models::Diagnostics& diagnostics);

}  // namespace cloudplan::store
