import type { PortalSection } from '../../../contracts/portal.js';

/** The portal parts that are live; a module that opens a public part adds its key here. */
export const publicSections: PortalSection[] = ['home', 'about', 'complaint', 'follow-up', 'stats'];
