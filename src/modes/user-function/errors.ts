/** The user's module or its inputs cannot be measured (missing, unparsable, no function, bad inputs): exit code 2. */
export class UserModuleError extends Error {
  override name = 'UserModuleError';
}

/** The user's function failed while the lab ran it (threw, never returned, ended its process or thread): exit code 1. */
export class UserRunError extends Error {
  override name = 'UserRunError';
}
