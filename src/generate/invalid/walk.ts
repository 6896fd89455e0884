import { isObject, type Json } from "../../schema/json.js";
import type { GenContext } from "../valid/context.js";
import type { Applied, Site } from "./applied.js";
import { itemChildren, propertyChildren } from "./children.js";
import { expandMembers } from "./members.js";

/** Every location of a valid instance, root first, with the schemas that apply there (`otherReading`: see expandMembers). */
export function sitesOf(value: Json, roots: Applied[], ctx: GenContext, path: string[] = [], otherReading = false): Site[] {
  const members = expandMembers(roots, value, path, ctx, false, otherReading);
  const sites: Site[] = [{ path, value, roots, members }];
  if (Array.isArray(value)) {
    value.forEach((item, i) => {
      const children = itemChildren(members, value, path, i, ctx);
      if (children.length > 0) sites.push(...sitesOf(item, children, ctx, [...path, String(i)], otherReading));
    });
  } else if (isObject(value)) {
    for (const key of Object.keys(value)) {
      const children = propertyChildren(members, value, path, key, ctx);
      if (children.length > 0) sites.push(...sitesOf(value[key]!, children, ctx, [...path, key], otherReading));
    }
  }
  return sites;
}
