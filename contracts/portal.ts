import { Type, type Static } from 'typebox';

/**
 * Parts of the public portal. A module that serves a part adds its key to the server's list of public
 * sections; the portal shows every other known part as "coming soon".
 */
export const portalSections = ['home', 'about', 'disclosures', 'power-list', 'complaint', 'follow-up', 'stats'] as const;
export const PortalSection = Type.Enum(portalSections);
export type PortalSection = (typeof portalSections)[number];

/** What the portal needs before it renders: whose site it is and which parts are open. */
export const PortalSite = Type.Object({
  name: Type.String(),
  sections: Type.Array(PortalSection),
});
export type PortalSite = Static<typeof PortalSite>;
