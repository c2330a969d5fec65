const angularJestConfig = require('../../../../jest.angular.preset');

module.exports = angularJestConfig('web-shared-filters', __dirname);
