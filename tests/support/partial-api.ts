import { ApiError, type ArchiveApi } from '../../src/common/api'

/**
 * An ArchiveApi for transport tests: the given methods (plus any extra members the fake
 * needs), and every other method of the contract refusing with 'unsupported', so fakes stay
 * valid as the contract grows.
 */
export function partialApi<Extra extends object = object>(
  methods: Partial<ArchiveApi> & Extra,
): ArchiveApi & Extra {
  const refuse = async (): Promise<never> => {
    throw new ApiError('unsupported', 'not in this fake')
  }
  return new Proxy(methods, {
    get: (target, key) => (key in target ? Reflect.get(target, key) : refuse),
  }) as ArchiveApi & Extra
}
