export * from './territory-page.view';
export * from './territory-page.service';
export * from './public-pages.module';
