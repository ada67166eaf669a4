import { Type } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Page } from './page';

const pages = new Map<Type<unknown>, Type<Page<unknown>>>();

/**
 * The OpenAPI shape of a keyset page of `item`, `{items, nextCursor}`: one class per item type,
 * named `<Item>Page`, for `@ApiOkResponse({ type: PageOf(TaskView) })`. Decorators cannot take a
 * generic, so the class is made here once per item type and reused.
 */
export function PageOf<T>(item: Type<T>): Type<Page<T>> {
  const known = pages.get(item);
  if (known) return known as Type<Page<T>>;
  class ItemPage implements Page<T> {
    @ApiProperty({ type: [item] })
    items!: T[];

    @ApiProperty({
      type: String,
      nullable: true,
      description: 'Pass as `cursor` to read the next page; null on the last page',
    })
    nextCursor!: string | null;

    @ApiPropertyOptional({
      type: Number,
      description: 'How many items the whole list holds (same filters); on the first page only',
    })
    total?: number;
  }
  Object.defineProperty(ItemPage, 'name', { value: `${item.name}Page` });
  pages.set(item, ItemPage);
  return ItemPage;
}
