/**
 * The address of an administration screen: its key in kebab case (customerUsers → /admin/customer-users),
 * which is also the API collection a resource screen lists.
 */
export const adminPath = (key: string) => `/admin/${key.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}`;
