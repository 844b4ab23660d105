import { LIST_OBJECT_TAG_KEYS } from '../threatlist/object-metadata';

/**
 * The config's `tags` become the AWS provider's `default_tags`, which the
 * provider applies to every taggable resource, S3 objects included (they
 * show in the object's `tags_all`). S3 object tags are the strictest AWS
 * tags, so the config's tags must pass them:
 * - at most 10 tags per object (S3 User Guide, "Categorizing your objects
 *   using tags"), counting the tags this project sets on its list objects;
 * - keys of 1 to 128 and values of 0 to 256 characters, measured in UTF-16
 *   (S3 represents object tags internally in UTF-16, same guide), from
 *   letters, digits, white space and `_ . : / = + - @` (S3 API Reference,
 *   S3Tag pattern `^([\p{L}\p{Z}\p{N}_.:/=+\-@]*)$`);
 * - keys do not start with `aws:` in any case, which AWS reserves (AWS tag
 *   restrictions; S3 rejects such keys).
 */
export const S3_OBJECT_MAX_TAGS = 10;
export const TAG_KEY_MAX_LENGTH = 128;
export const TAG_VALUE_MAX_LENGTH = 256;
const TAG_CHARACTERS = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u;

/** How many config tags fit beside the tags the project sets on its S3 objects. */
export const MAX_CONFIG_TAGS = S3_OBJECT_MAX_TAGS - LIST_OBJECT_TAG_KEYS.length;

interface TagIssue {
  readonly path: (string | number)[];
  readonly message: string;
}

function characterProblem(text: string): string | undefined {
  if (TAG_CHARACTERS.test(text)) return undefined;
  const bad = [...new Set([...text].filter((c) => !TAG_CHARACTERS.test(c)))].map((c) => JSON.stringify(c)).join(' ');
  return `has characters S3 object tags do not allow (${bad}): only letters, digits, spaces and _ . : / = + - @`;
}

/** Every problem of the config's `tags`, each at its key. */
export function checkTags(tags: Readonly<Record<string, unknown>> | undefined): TagIssue[] {
  if (!tags) return [];
  const issues: TagIssue[] = [];
  const keys = Object.keys(tags);
  // A config key equal to one the project sets would be overridden on the objects, not added.
  const onObjects = new Set([...keys, ...LIST_OBJECT_TAG_KEYS]).size;
  if (onObjects > S3_OBJECT_MAX_TAGS) {
    issues.push({
      path: ['tags'],
      message:
        `${keys.length} tags, more than the ${MAX_CONFIG_TAGS} allowed: the provider puts default tags on S3 objects too (the threat lists), and S3 allows ${S3_OBJECT_MAX_TAGS} tags per object` +
        (LIST_OBJECT_TAG_KEYS.length > 0 ? `, ${LIST_OBJECT_TAG_KEYS.length} of them set by this project` : ''),
    });
  }
  for (const key of keys) {
    const path = ['tags', key];
    if (key.length === 0) issues.push({ path, message: 'tag key must not be empty' });
    if (key.length > TAG_KEY_MAX_LENGTH) issues.push({ path, message: `tag key is ${key.length} characters, more than the ${TAG_KEY_MAX_LENGTH} AWS allows` });
    if (/^aws:/i.test(key)) issues.push({ path, message: 'tag keys starting with "aws:" are reserved for AWS' });
    const keyChars = characterProblem(key);
    if (keyChars) issues.push({ path, message: `tag key ${keyChars}` });
    const value = tags[key];
    if (typeof value !== 'string') continue;
    if (value.length > TAG_VALUE_MAX_LENGTH) issues.push({ path, message: `tag value is ${value.length} characters, more than the ${TAG_VALUE_MAX_LENGTH} AWS allows` });
    const valueChars = characterProblem(value);
    if (valueChars) issues.push({ path, message: `tag value ${valueChars}` });
  }
  return issues;
}
