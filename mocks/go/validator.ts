/**
 * go-playground/validator's error texts, as `err.Error()` prints a `ValidationErrors` (one line per field).
 * The rules themselves belong to each dialect's structs; the wording is the library's.
 * @module
 */

/**
 * The line for one failing field: `Key: 'Struct.Field' Error:Field validation for 'Field' failed on the 'tag' tag`.
 *
 * @example
 * validatorError('User', 'Password', 'min'); // "Key: 'User.Password' Error:Field validation for 'Password' failed on the 'min' tag"
 */
export function validatorError(struct: string, field: string, tag: string): string {
  return `Key: '${struct}.${field}' Error:Field validation for '${field}' failed on the '${tag}' tag`;
}

/**
 * The text for a `binding:"required"` field left at its zero value.
 *
 * @example
 * requiredError('TransferAffQuotaRequest', 'Quota'); // "Key: 'TransferAffQuotaRequest.Quota' Error:Field validation for 'Quota' failed on the 'required' tag"
 */
export function requiredError(struct: string, field: string): string {
  return validatorError(struct, field, 'required');
}
