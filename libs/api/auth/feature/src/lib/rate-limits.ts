/** The password change's limits (`@RateLimits`): per user, and per client address. */
export const PASSWORD_USER_LIMIT = 'password-user';
export const PASSWORD_ADDRESS_LIMIT = 'password-address';
