// The same page as a configurator page whose product does not exist.
export { default } from "../products/[slug]/not-found";
