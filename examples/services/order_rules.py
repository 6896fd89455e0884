"""The order parser of both example services, written by hand as services are.

order.schema.json is the contract. `check_order` follows it exactly unless told to be
stricter or laxer, which is how the examples plant the bugs the fuzzer must find.
Returns None for a good order, else the reason it was refused.
"""

INT32_MAX = 2**31 - 1
KEYS = {"id", "quantity", "note"}


def is_integer(value):
    # JSON Schema's integer is any number with no fractional part: 3.0 is one; true is not.
    if isinstance(value, bool):
        return False
    if isinstance(value, int):
        return True
    return isinstance(value, float) and value.is_integer()


def check_order(order, int32_quantity=False, ignore_unknown_keys=False):
    if not isinstance(order, dict):
        return "an order is an object"
    if not ignore_unknown_keys and set(order) - KEYS:
        return "unknown keys: " + ", ".join(sorted(set(order) - KEYS))
    for key in ("id", "quantity"):
        if key not in order:
            return "missing " + key
    if not isinstance(order["id"], str) or not 1 <= len(order["id"]) <= 32:
        return "id is a string of 1 to 32 characters"
    quantity = order["quantity"]
    if not is_integer(quantity) or quantity < 1:
        return "quantity is a whole number of at least 1"
    if int32_quantity and quantity > INT32_MAX:
        # The planted strictness: the quantity column is a 32-bit INTEGER.
        return "quantity does not fit the database column"
    if "note" in order and (not isinstance(order["note"], str) or len(order["note"]) > 200):
        return "note is a string of at most 200 characters"
    return None
