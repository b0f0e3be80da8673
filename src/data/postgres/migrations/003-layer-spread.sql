-- Each layer's project count and the box they fill, kept with the layer at every save: vector
-- tiles choose each zoom's stride from them and the layer list says which layers are tiled
-- (docs/tiles.md), without counting a million rows at the first tile after a save.
ALTER TABLE plan_layer ADD COLUMN feature_count integer;
ALTER TABLE plan_layer ADD COLUMN feature_extent public.box2d;

UPDATE plan_layer
   SET (feature_count, feature_extent) = (SELECT count(*)::int, public.ST_Extent(geom) FROM plan_feature WHERE plan_feature.layer = plan_layer.id);
