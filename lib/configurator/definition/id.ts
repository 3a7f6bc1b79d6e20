import * as z from "zod/mini";
import { ID_PATTERN } from "./selection-types";

// The id of a group, option, rule or layer, as one schema for the definition (full zod, on the server and
// in the admin editor) and the selection (zod/mini, also in the configurator's browser bundle).

const ID_MESSAGE = "Use 1-64 lowercase letters, digits, '-' or '_' (starting with a letter or digit)";

export const idSchema = z.string().check(z.regex(ID_PATTERN, ID_MESSAGE));
