const angularJestConfig = require('../../../../jest.angular.preset');

module.exports = angularJestConfig('web-suppliers-feature', __dirname);
